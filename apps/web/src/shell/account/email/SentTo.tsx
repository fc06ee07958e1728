/**
 * An address that, when it must wrap on a narrow phone, wraps after the "@" rather than
 * mid-word ("haruka.kumamoto@" / "example.jp").
 */
export function EmailAddress({ email, className }: { email: string; className?: string }) {
  const at = email.lastIndexOf('@');
  return (
    <span className={className}>
      {at < 0 ? (
        email
      ) : (
        <>
          {email.slice(0, at + 1)}
          <wbr />
          {email.slice(at + 1)}
        </>
      )}
    </span>
  );
}

/**
 * "We sent a code to:" with the address on a line of its own, what to do next, and until
 * when the code works.
 */
export function SentTo({
  message,
  email,
  then,
  expires,
}: {
  message: string;
  email: string;
  then: string;
  expires: string;
}) {
  return (
    <>
      <p>{message}</p>
      <p className="text-std-17B-170">
        <EmailAddress email={email} />
      </p>
      <p>{then}</p>
      <p>{expires}</p>
    </>
  );
}
