import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { useT } from '~/i18n/use-t'
import { Field } from './forms'

/** The 6-digit code of an authenticator app, as on the sign-in, enrolment and turn-off forms. Up to 20
 * characters: the spaces and dashes people copy from their app are removed by the schema. */
export function TotpCodeField({ field }: { field: FieldMetadata<string> }) {
  const { t } = useT()
  return (
    <Field
      id={field.id}
      label={t('account.totp.code')}
      hint={t('account.totp.codeHint')}
      errors={field.errors}
    >
      {({ describedBy }) => (
        <input
          {...getInputProps(field, { type: 'text' })}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={20}
          aria-describedby={describedBy}
          required
        />
      )}
    </Field>
  )
}
