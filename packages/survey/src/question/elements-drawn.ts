type Updating = Element & { updateComplete: Promise<unknown> };

/** Nesting levels waited for: a question element in a panel in a dynamic panel. */
const ROUNDS = 3;

/**
 * Resolves once every element rendered inside `root` has finished updating. Question elements
 * draw their content a microtask after they are inserted, and panels and dynamic panels hold
 * question elements of their own, so each round waits for what the one before it inserted.
 */
export async function elementsDrawn(root: ParentNode): Promise<void> {
  for (let round = 0; round < ROUNDS; round += 1) {
    const updating = Array.from(root.querySelectorAll('*')).filter((node): node is Updating => 'updateComplete' in node);
    await Promise.all(updating.map((node) => node.updateComplete));
  }
}
