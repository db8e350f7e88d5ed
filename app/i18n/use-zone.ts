import { useRouteLoaderData } from '@remix-run/react'
import { SEAT_TIME_ZONE } from '~/modules/plans/round-time'

/** The time zone the person enters and reads times in (the root loader's; the seat's when unknown). */
export function useZone(): string {
  const data = useRouteLoaderData('root') as { timeZone?: string } | undefined
  return data?.timeZone ?? SEAT_TIME_ZONE
}
