// A table's column headings.

/** One `th scope="col"` per label; a null or false label leaves its column out (e.g. e-mail addresses
 * that the viewer may not see). */
export function TableHead({ labels }: { labels: (string | null | false)[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label, i) =>
          label ? (
            <th scope="col" key={i}>
              {label}
            </th>
          ) : null,
        )}
      </tr>
    </thead>
  )
}
