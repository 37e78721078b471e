// Guard against personal data: Swedish personal identity numbers (personnummer) and co-ordination
// numbers (samordningsnummer, day + 60), with or without century, with the Luhn check digit.

const CANDIDATE = /(?<!\d)(\d{2})?(\d{2})(\d{2})(\d{2})\s?([-+]?)\s?(\d{4})(?!\d)/g;

function luhnOk(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function validDate(yy: string, mm: string, dd: string): boolean {
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60; // samordningsnummer
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000 + Number(yy), month, 0)).getUTCDate();
  return day <= (month === 2 ? 29 : daysInMonth);
}

/** True when the text holds something that is a valid Swedish personal identity number. */
export function containsPersonalNumber(text: string): boolean {
  if (text.length < 10) return false;
  for (const m of text.matchAll(CANDIDATE)) {
    const [, century, yy, mm, dd, , last4] = m;
    if (century && century !== '18' && century !== '19' && century !== '20') continue;
    if (validDate(yy, mm, dd) && luhnOk(yy + mm + dd + last4)) return true;
  }
  return false;
}

/** The text with every digit hidden, so an error message never repeats the personal data it found. */
export function maskDigits(text: string): string {
  return text.replace(/\d/g, '•');
}
