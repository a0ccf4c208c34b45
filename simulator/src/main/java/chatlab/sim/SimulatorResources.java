package chatlab.sim;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a simulator process itself used: its heap after a full collection before the users
 * started and again at the end of the load, its direct buffers, its CPU time over the load,
 * how many users it had online at the end, and how many it simulates: the simulator's memory
 * per simulated client. Every simulated user holds state, online or not, so the memory is
 * divided by all of them; a run where faults kept users offline is not made to look costlier
 * per user than it is.
 */
public record SimulatorResources(String shard, long heapBefore, long heapLoaded, long directLoaded, long cpuNanos,
        long online, long users) {

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

    /** Heap and direct memory per simulated user, in bytes (per user online at the end, for runs recorded before). */
    public long bytesPerUser() {
        long n = users > 0 ? users : online;
        return n == 0 ? 0 : (heapLoaded - heapBefore + directLoaded) / n;
    }
}
