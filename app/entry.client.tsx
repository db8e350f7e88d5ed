import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { pageMessagesInBrowser, PageMessagesProvider } from './i18n/page-messages'

// The page's messages (its language only) arrive by their own script; hydration waits for them.
void pageMessagesInBrowser().then((page) => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <PageMessagesProvider value={page}>
          <RemixBrowser />
        </PageMessagesProvider>
      </StrictMode>,
    )
  })
})
