/** True outside production builds (bundlers replace `process.env.NODE_ENV`; browsers without it count as dev). */
const isDev = (): boolean => {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.NODE_ENV !== 'production';
  } catch {
    return true;
  }
};

/**
 * Registers `ctor` as `tag` unless the tag is already defined.
 *
 * Two copies of the library on one page (a portal's bundle and the CDN file, or two versions) must not crash:
 * when the tag is taken by the same class this is a no-op; when it is taken by a different class (another copy or
 * version) the first definition stays and, in development, a console warning says so.
 *
 * @returns the constructor that owns the tag after the call.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): CustomElementConstructor {
  const registry = globalThis.customElements;
  if (!registry) return ctor; // Server-side rendering or a non-DOM environment: nothing to register.
  const existing = registry.get(tag);
  if (existing) {
    if (existing !== ctor && isDev()) {
      console.warn(
        `[pembinaan-asn] <${tag}> is already defined by another copy or version of the library; keeping the first definition.`,
      );
    }
    return existing;
  }
  try {
    registry.define(tag, ctor);
  } catch (error) {
    // A race with another copy, or this constructor already registered under another tag.
    if (isDev()) console.warn(`[pembinaan-asn] could not define <${tag}>:`, error);
    return registry.get(tag) ?? ctor;
  }
  return ctor;
}
