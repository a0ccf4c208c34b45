package chatlab.run;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a simulator process itself used: its heap after a full collection before the users
 * started and again at the end of the load, its direct buffers, its CPU time over the load,
 * how many users it had online at the end, how many it simulates, and how many operations it
 * completed over the load: the simulator's memory per simulated client and CPU per operation
 * (on one machine, the load tool's CPU is the server's lost capacity). Every simulated user holds state, online or not, so the memory is
 * divided by all of them; a run where faults kept users offline is not made to look costlier
 * per user than it is. {@code carriers} are the threads its virtual threads ran on (0: recorded
 * before they were).
 */
public record SimulatorResources(String shard, long heapBefore, long heapLoaded, long directLoaded, long cpuNanos,
        long online, long users, long operations, int carriers) {

    /** Heap after a full collection, in bytes. */
    public static long settledHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** CPU time per operation completed over the load, in microseconds; 0 when unknown. */
    public double cpuMicrosPerOperation() {
        return operations <= 0 || cpuNanos < 0 ? 0 : cpuNanos / 1e3 / operations;
    }

    /** Heap and direct memory per simulated user, in bytes (per user online at the end, for runs recorded before). */
    public long bytesPerUser() {
        long n = users > 0 ? users : online;
        return n == 0 ? 0 : (heapLoaded - heapBefore + directLoaded) / n;
    }
}
