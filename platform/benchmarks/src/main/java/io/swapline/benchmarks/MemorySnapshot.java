package io.swapline.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

/**
 * Heap and Metaspace in use after garbage collection has settled: {@code System.gc()} until
 * the used heap stops shrinking (at least three times), then the readings.
 *
 * @param heap bytes of heap in use
 * @param metaspace bytes of the "Metaspace" pool in use (class metadata; includes the
 *        compressed class space on JDK 17 and later)
 * @param classSpace bytes of the "Compressed Class Space" pool in use
 * @param loadedClasses classes currently loaded
 */
record MemorySnapshot(long heap, long metaspace, long classSpace, int loadedClasses) {

    static MemorySnapshot afterGc() {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = heapUsed();
            if (i >= 2 && used >= previous) {
                break;
            }
            previous = used;
        }
        return new MemorySnapshot(heapUsed(), poolUsed("Metaspace"), poolUsed("Compressed Class Space"),
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long poolUsed(String name) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals(name)) {
                return pool.getUsage().getUsed();
            }
        }
        return -1;
    }
}
