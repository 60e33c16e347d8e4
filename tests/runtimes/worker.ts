// A module worker for workerd (through Miniflare): the servers come in the request's query.
import { runChecks, type Servers } from "./checks.ts";

export default {
  async fetch(request: Request): Promise<Response> {
    const servers = JSON.parse(new URL(request.url).searchParams.get("servers") ?? "{}") as Servers;
    try {
      return Response.json(await runChecks(servers));
    } catch (error) {
      return Response.json({ error: String((error as Error)?.stack ?? error) }, { status: 500 });
    }
  },
};
