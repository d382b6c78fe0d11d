import { ApiError } from './api';
import { useT } from './i18n';

/** What went wrong, said in the portal's language, announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  const t = useT();
  const api = error instanceof ApiError ? error : null;
  let text: string;
  if (api?.code === 'RATE_LIMITED') text = t('errorRateLimited', { seconds: api.retryAfterSeconds ?? 60 });
  else if (api?.code === 'BAD_USER_INPUT') text = t('errorBadInput', { message: api.message });
  else if (api?.code === 'SESSION_ENDED') text = t('errorSessionEnded');
  else text = t('errorUnavailable');
  return (
    <div role="alert" className="error">
      <strong>{t('errorTitle')}</strong> {text}
      {api && <span className="error-code"> ({api.code})</span>}
    </div>
  );
}
