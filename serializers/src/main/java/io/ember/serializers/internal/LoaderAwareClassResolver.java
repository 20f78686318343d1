package io.ember.serializers.internal;

import com.esotericsoftware.kryo.util.DefaultClassResolver;

/**
 * Kryo's resolver caches class-name lookups for the life of the Kryo instance, whatever class
 * loader was in force. A pooled Kryo serves many loaders (one per application or JShell
 * session), so the cache is dropped whenever the loader differs from the one that filled it;
 * otherwise a name could resolve to a class of another loader.
 */
final class LoaderAwareClassResolver extends DefaultClassResolver {
    private ClassLoader cacheLoader;

    @Override
    protected Class<?> getTypeByName(String className) {
        ClassLoader current = kryo.getClassLoader();
        if (current != cacheLoader) {
            if (nameToClass != null) {
                nameToClass.clear();
            }
            cacheLoader = current;
        }
        return super.getTypeByName(className);
    }
}
