package io.ember.rdd.internal;

import io.vavr.Function1;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Lazy iterator adapters for the narrow transformations. Written out rather than taken from
 * Vavr because they sit on the per-record hot path: no Option or lambda allocation per element.
 */
public final class Iterators {
    private Iterators() {
    }

    /** {@code f} applied to every element. */
    public static <T, U> Iterator<U> map(Iterator<T> in, Function1<? super T, ? extends U> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public U next() {
                return f.apply(in.next());
            }
        };
    }

    /** The elements for which {@code p} holds. */
    public static <T> Iterator<T> filter(Iterator<T> in, Function1<? super T, Boolean> p) {
        return new Iterator<>() {
            private T next;
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && in.hasNext()) {
                    T candidate = in.next();
                    if (p.apply(candidate)) {
                        next = candidate;
                        ready = true;
                    }
                }
                return ready;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                T result = next;
                next = null;
                return result;
            }
        };
    }

    /** The elements of every {@code f(x)}, in order. */
    public static <T, U> Iterator<U> flatMap(Iterator<T> in, Function1<? super T, ? extends Iterable<? extends U>> f) {
        return new Iterator<>() {
            private Iterator<? extends U> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!in.hasNext()) {
                        return false;
                    }
                    current = f.apply(in.next()).iterator();
                }
                return true;
            }

            @Override
            public U next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Counts and drains. */
    public static long count(Iterator<?> in) {
        long n = 0;
        while (in.hasNext()) {
            in.next();
            n++;
        }
        return n;
    }
}
