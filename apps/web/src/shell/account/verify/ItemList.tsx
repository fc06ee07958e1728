import type { ReactNode } from 'react';

/** Labelled read-only values, one under another (phones first). */
export function ItemList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="mt-3 divide-y divide-solid-gray-200 rounded-8 border border-solid-gray-300">
      {items.map((item) => (
        <div key={item.label} className="px-4 py-2">
          <dt className="text-std-16B-170 text-solid-gray-700">{item.label}</dt>
          <dd className="text-std-17N-170 text-solid-gray-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
