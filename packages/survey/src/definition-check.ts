/**
 * A first look at a definition before survey-core sees it. survey-core accepts almost anything
 * (an array, a string, an object with no questions) and quietly shows an empty survey; a school
 * that pasted the wrong file should be told instead. Returns a short reason, or undefined.
 */
export function checkDefinitionShape(definition: unknown): string | undefined {
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    return 'it must be a JSON object with "pages" or "elements".';
  }
  const root = definition as Record<string, unknown>;
  const containers: unknown[] = [];
  const hasContainer = ['pages', 'elements', 'questions'].some((key) => key in root);
  if ('pages' in root) {
    if (!Array.isArray(root.pages)) return '"pages" must be a list.';
    containers.push(...root.pages);
  }
  for (const key of ['elements', 'questions'] as const) {
    if (key in root) {
      if (!Array.isArray(root[key])) return `"${key}" must be a list.`;
      containers.push({ elements: root[key] });
    }
  }
  if (!hasContainer) return 'it has no "pages" or "elements".';
  let questions = 0;
  const visit = (elements: unknown, where: string): string | undefined => {
    if (elements === undefined) return undefined;
    if (!Array.isArray(elements)) return `${where} "elements" must be a list.`;
    for (const [index, element] of elements.entries()) {
      if (element === null || typeof element !== 'object' || Array.isArray(element)) {
        return `${where} element ${index + 1} is not an object.`;
      }
      const { type, name, elements: children, templateElements } = element as Record<string, unknown>;
      if (typeof type !== 'string' || type.length === 0) {
        return `${where} element ${index + 1}${typeof name === 'string' ? ` ("${name}")` : ''} has no "type".`;
      }
      questions += 1;
      const inner = visit(children, `${where} panel "${String(name ?? index + 1)}":`);
      if (inner) return inner;
      const template = visit(templateElements, `${where} panel "${String(name ?? index + 1)}":`);
      if (template) return template;
    }
    return undefined;
  };
  for (const [index, container] of containers.entries()) {
    if (container === null || typeof container !== 'object' || Array.isArray(container)) {
      return `page ${index + 1} is not an object.`;
    }
    const problem = visit((container as Record<string, unknown>).elements, `page ${index + 1}:`);
    if (problem) return problem;
  }
  if (questions === 0) return 'it contains no questions.';
  return undefined;
}
