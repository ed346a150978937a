import { Link } from 'react-router-dom';
import { useI18n } from '../i18n';
import { PageTitle } from '../components/Page';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t('app.notFound.title')}</PageTitle>
      <p>{t('app.notFound.text')}</p>
      <Link to="/">{t('app.backHome')}</Link>
    </>
  );
}
