package chatlab.sim;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a simulator process itself used: its heap after a full collection before the users
 * started and again at the end of the load, its direct buffers, its CPU time over the load,
 * and how many users it had online at the end: the simulator's memory per simulated client.
 */
public record SimulatorResources(String shard, long heapBefore, long heapLoaded, long directLoaded, long cpuNanos,
        long online) {

    /** Heap after a full collection, in bytes. */
    static long settledHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Heap and direct memory per user online at the end of the load, in bytes; 0 with nobody online. */
    public long bytesPerUser() {
        return online == 0 ? 0 : (heapLoaded - heapBefore + directLoaded) / online;
    }
}
