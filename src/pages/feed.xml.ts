/** `feed.xml`: the Atom feed of the newest issues. */
import type { APIRoute } from 'astro';
import { getSite } from '../site/data.ts';
import { atomFeed } from '../site/feed.ts';

export const GET: APIRoute = async () =>
  new Response(atomFeed(await getSite()), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
