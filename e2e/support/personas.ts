/** A demo persona as `GET /api/demo/personas` lists it (development servers only). */
export interface DemoPersona {
  key: string;
  displayName: string;
}

const read = new Map<string, Promise<DemoPersona[]>>();

/** The demo personas of the server at `baseURL`, read once (the API is rate limited per minute). */
export function demoPersonas(baseURL: string): Promise<DemoPersona[]> {
  let personas = read.get(baseURL);
  if (!personas) {
    personas = fetch(new URL('/api/demo/personas', baseURL)).then(async (response) => {
      if (!response.ok)
        throw new Error(`GET /api/demo/personas: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { personas: DemoPersona[] }).personas;
    });
    // A failed read is not kept: the next call asks again.
    void personas.catch(() => read.delete(baseURL));
    read.set(baseURL, personas);
  }
  return personas;
}

/** The display name of the demo persona `key`: the name its "sign in as" button shows. */
export async function personaName(baseURL: string, key: string): Promise<string> {
  const persona = (await demoPersonas(baseURL)).find((candidate) => candidate.key === key);
  if (!persona) throw new Error(`demo persona "${key}" missing`);
  return persona.displayName;
}
