import type { FieldMetadata } from '@conform-to/react'
import { useT } from '~/i18n/use-t'
import { InputField } from './input-field'

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
      <InputField
        field={password}
        type="password"
        label={t('account.password.new')}
        hint={t('account.password.hint')}
        autoComplete="new-password"
        required
      />
      <InputField
        field={confirm}
        type="password"
        label={t('account.password.confirm')}
        autoComplete="new-password"
        required
      />
    </>
  )
}
