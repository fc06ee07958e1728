import type { HTMLAttributes, ReactNode } from 'react';

interface CardProps extends HTMLAttributes<HTMLElement> {
  as?: 'section' | 'div' | 'article' | 'li';
  children: ReactNode;
}

/** A white panel on the grey page: groups one topic. */
export function Card({ as: Tag = 'div', className = '', ...props }: CardProps) {
  return (
    <Tag
      className={`rounded-12 border border-solid-gray-200 bg-white p-4 sm:p-6 narrow:p-3 ${className}`}
      {...props}
    />
  );
}
