import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { useT } from '~/i18n/use-t'
import { Field } from './forms'

/** The new password and its confirmation, as on the invitation, reset and account pages. */
export function NewPasswordFields({
  password,
  confirm,
}: {
  password: FieldMetadata<string>
  confirm: FieldMetadata<string>
}) {
  const { t } = useT()
  return (
    <>
      <Field
        id={password.id}
        label={t('account.password.new')}
        hint={t('account.password.hint')}
        errors={password.errors}
      >
        {({ describedBy }) => (
          <input
            {...getInputProps(password, { type: 'password' })}
            autoComplete="new-password"
            aria-describedby={describedBy}
            required
          />
        )}
      </Field>
      <Field id={confirm.id} label={t('account.password.confirm')} errors={confirm.errors}>
        {({ describedBy }) => (
          <input
            {...getInputProps(confirm, { type: 'password' })}
            autoComplete="new-password"
            aria-describedby={describedBy}
            required
          />
        )}
      </Field>
    </>
  )
}
