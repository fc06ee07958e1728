// Placeholder until the screen is built: replace this whole file.
export function CertificateVerificationPage() {
  return null;
}
