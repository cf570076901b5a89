/** Invented customers for the demo: names, numbers, accounts. */
const FIRST = ['Olivia', 'Noah', 'Amara', 'Mateo', 'Yuki', 'Fatima', 'Liam', 'Sofia', 'Kwame', 'Priya', 'Lucas', 'Zoe', 'Omar', 'Hana', 'Diego', 'Ingrid', 'Tariq', 'Mei', 'Samuel', 'Aisha'];
const LAST = ['Nguyen', 'García', 'Smith', 'Kowalski', 'Tanaka', 'Okoye', 'Rossi', 'Dubois', 'Hansen', 'Patel', 'Müller', 'Silva', 'Cohen', 'Ivanova', 'Brown', 'Mensah'];
const SUBJECTS = ['Invoice INV-2291 looks wrong', 'Refund for order 55812', 'Change my payment card', 'Double charge this month', 'Question about my plan'];

export function customerFor(media: string, rnd: () => number) {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const name = `${pick(FIRST)} ${pick(LAST)}`;
  const account = rnd() < 0.7 ? `AC-${100000 + Math.floor(rnd() * 900000)}` : undefined;
  const phone = `+1 ${200 + Math.floor(rnd() * 700)} 555 ${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`;
  const email = `${name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(' ', '.')}@example.net`;
  switch (media) {
    case 'email':
      return { name, email, account, subject: pick(SUBJECTS) };
    case 'chat':
      return { name, account };
    default:
      return { name, phone, account };
  }
}

