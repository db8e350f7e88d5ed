import { useT } from '~/i18n/use-t'

/** The candidate key of a second-factor enrolment: its QR code, the key as text for typing, and the key
 * in a hidden field so that the form posts it back with the code. The caller renders the code field. */
export function TotpEnrolment({ secret, qrSvg }: { secret: string; qrSvg: string }) {
  const { t } = useT()
  return (
    <div className="account-enrol">
      <p>{t('account.totp.setupIntro')}</p>
      {/* Our own SVG from the qrcode package: paths only, no script or style. */}
      <div
        className="account-qr"
        role="img"
        aria-label={t('account.totp.qrLabel')}
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p>
        {t('account.totp.secretLabel')}{' '}
        <code className="account-secret">{secret.replace(/(.{4})(?=.)/g, '$1 ')}</code>
      </p>
      <input type="hidden" name="secret" value={secret} />
    </div>
  )
}
