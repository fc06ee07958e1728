import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary';

const base =
  'inline-flex min-h-12 min-w-12 items-center justify-center gap-2 rounded-8 px-5 py-2 text-center ' +
  'text-std-17B-170 no-underline disabled:cursor-not-allowed [&>svg]:shrink-0 narrow:[&>svg]:hidden';

const variants: Record<ButtonVariant, string> = {
  primary:
    'bg-blue-900 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200 ' +
    'disabled:bg-solid-gray-300 disabled:text-solid-gray-50',
  secondary:
    'border-2 border-blue-900 bg-white text-blue-900 hover:bg-blue-50 hover:text-blue-1000 ' +
    'hover:underline active:bg-blue-100 disabled:border-solid-gray-300 disabled:text-solid-gray-420',
  tertiary: 'text-blue-900 underline hover:bg-blue-50 hover:text-blue-1000 active:bg-blue-100',
};

/** Classes for anything that should look like a button (links included). */
export function buttonClasses(variant: ButtonVariant = 'primary', extra = ''): string {
  return `${base} ${variants[variant]} ${extra}`;
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  children: ReactNode;
}

export function Button({ variant = 'primary', className = '', type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}

interface ButtonLinkProps extends LinkProps {
  variant?: ButtonVariant;
}

/** Navigation that looks like a button: still a link, so it opens like one. */
export function ButtonLink({ variant = 'primary', className = '', ...props }: ButtonLinkProps) {
  return <Link className={buttonClasses(variant, className)} {...props} />;
}
