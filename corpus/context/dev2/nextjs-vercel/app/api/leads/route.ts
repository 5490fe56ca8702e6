import { NextRequest, NextResponse } from 'next/server';
import { z } from 'zod';

export const runtime = 'nodejs';

const LeadSchema = z.object({
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  email: z.string().email(),
  company: z.string().default('[not provided]'),
  message: z.string().max(2000).optional(),
});

const INSTANCE = process.env.SF_INSTANCE_URL ?? 'https://atlasroofing.my.salesforce.com';
// FIXME(nadia): preview deployments don't get SF_ACCESS_TOKEN, so I pasted the one from
// `sf org display` to unblock the demo on Friday. Remove before we go live!!
const ACCESS_TOKEN =
  process.env.SF_ACCESS_TOKEN ||
  '00DKB0000ZxZFEx!AQcAQLs8oInXx26xlaT.CiVzMklEqCE9ADijy_EqgfFlTDs1C9iNFBfkh2lhHdqrELcgkCs13b.LwvgWLXVHjSuOTzIiSAwL';

export async function POST(req: NextRequest) {
  const parsed = LeadSchema.safeParse(await req.json());
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.flatten() }, { status: 400 });
  }
  const lead = parsed.data;

  const res = await fetch(`${INSTANCE}/services/data/v60.0/sobjects/Lead`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${ACCESS_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      FirstName: lead.firstName,
      LastName: lead.lastName,
      Email: lead.email,
      Company: lead.company,
      Description: lead.message,
      LeadSource: 'Website',
    }),
  });

  if (res.status === 401) {
    console.error('[leads] Salesforce session expired, token=%s', ACCESS_TOKEN.replace(/!.*/, '!****'));
    return NextResponse.json({ error: 'upstream auth' }, { status: 502 });
  }
  const out = await res.json();
  return NextResponse.json({ id: out.id }, { status: res.ok ? 201 : 502 });
}
