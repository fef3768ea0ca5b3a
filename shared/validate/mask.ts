/** For logs: enough to tell records apart, never the whole number (house rule). */
export function maskCccd(cccd: string): string {
  const digits = cccd.replace(/\s/g, '');
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s.\-()]/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 7)}${digits.slice(-3)}`;
}
