package chatlab.sim;

import chatlab.client.ChatClient;
import chatlab.driver.Connection;
import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import chatlab.lab.Progress;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.workload.BlockPlan;
import chatlab.workload.GroupSpec;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prepares the server before the load: creates this shard's accounts, many at a time over a few
 * connections, honouring the server's rate limit; then has the users who block others do so.
 * An account that exists already must take its password, or the run stops: it belongs to
 * someone else (choose another tag).
 */
final class Setup {
    private static final int CONNECTIONS = 16;
    private static final int WINDOW = 50;
    /**
     * How long set-up waits for each answer, at least: it is not measured, and a server just
     * started on a busy machine (its code not yet compiled) may take longer than the scenario's
     * request timeout, which is meant for the load.
     */
    private static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(30);

    private final SimContext ctx;
    private final InetSocketAddress server;

    Setup(SimContext ctx, InetSocketAddress server) {
        this.ctx = ctx;
        this.server = server;
    }

    /** This shard's accounts: the n-th user and the n-th victim of each group go to shard n mod count. */
    List<String> ownAccounts() {
        List<String> own = new ArrayList<>();
        for (GroupSpec g : ctx.scenario.groups()) {
            List<String> users = ctx.accounts.users(g.name());
            for (int i = 0; i < users.size(); i++) {
                if (ctx.shard.owns(i)) {
                    own.add(users.get(i));
                }
            }
            List<String> victims = ctx.accounts.victims(g.name());
            for (int i = 0; i < victims.size(); i++) {
                if (ctx.shard.owns(i)) {
                    own.add(victims.get(i));
                }
            }
        }
        return own;
    }

    void run() throws InterruptedException {
        List<String> accounts = ownAccounts();
        java.util.Set<String> own = new java.util.HashSet<>(accounts);
        List<BlockPlan.Pair> blocks = BlockPlan.pairs(ctx.scenario.seed(), ctx.scenario.blocks(), ctx.accounts.chatUsers())
                .stream().filter(p -> own.contains(p.blocker())).toList();
        AtomicLong done = new AtomicLong();
        try (Progress progress = new Progress("Setting up", accounts.size() + blocks.size());
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> work = inSlices(threads, accounts, slice -> signUp(slice, progress, done));
            await(work);
            work.clear();
            progress.message("blocks");
            for (String blocker : blocks.stream().map(BlockPlan.Pair::blocker).distinct().toList()) {
                List<String> targets = blocks.stream().filter(p -> p.blocker().equals(blocker)).map(BlockPlan.Pair::blocked).toList();
                work.add(threads.submit(() -> {
                    block(blocker, targets);
                    targets.forEach(t -> progress.step("blocks"));
                    return null;
                }));
            }
            await(work);
        }
        joinChatGroups();
    }

    /**
     * Every chatting user of a load group whose mix sends to its named group joins that group
     * (made by the first of them this shard owns; made already is fine, as shards race), before
     * the load, so its members are fixed for the whole run and the checkers know them.
     */
    private void joinChatGroups() throws InterruptedException {
        java.util.Set<String> own = new java.util.HashSet<>(ownAccounts());
        List<String> members = new ArrayList<>();
        for (GroupSpec g : ctx.scenario.groups()) {
            if (g.chats() && g.mix().has(b -> b == chatlab.workload.Behaviour.GROUP)) {
                ctx.accounts.users(g.name()).stream().filter(own::contains).forEach(members::add);
            }
        }
        if (members.isEmpty()) {
            return;
        }
        try (Progress progress = new Progress("Joining groups", members.size());
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            await(inSlices(threads, members, slice -> {
                try (Connection client = connect()) {
                    for (String user : slice) {
                        join(client, user);
                        progress.step(user);
                    }
                }
            }));
        }
    }

    private void join(Connection client, String user) {
        String group = ctx.accounts.chatGroup(ctx.accounts.groupOf(user));
        try {
            ChatClient.await(client.login(user, ctx.accounts.password(user)));
            try {
                ChatClient.await(client.createGroup(group, "the chatting users of load group "
                        + ctx.accounts.groupOf(user)));
            } catch (ChatException e) {
                if (e.code() != ErrorCode.GROUP_EXISTS) {
                    throw e;
                }
                ChatClient.await(client.join(group));
            }
            ChatClient.await(client.logout());
        } catch (ChatException e) {
            throw new IllegalStateException(user + " could not join the group " + group + ": " + e.getMessage(), e);
        }
    }

    /** Deals the users out to {@link #CONNECTIONS} slices, round robin, and works on each slice in a thread of its own. */
    private static List<Future<?>> inSlices(ExecutorService threads, List<String> users,
            java.util.function.Consumer<List<String>> work) {
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            List<String> slice = new ArrayList<>();
            for (int i = c; i < users.size(); i += CONNECTIONS) {
                slice.add(users.get(i));
            }
            futures.add(threads.submit(() -> work.accept(slice)));
        }
        return futures;
    }

    private static void await(List<Future<?>> work) throws InterruptedException {
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
        }
    }

    private Connection connect() {
        Connection.Options options = ctx.options();
        if (options.requestTimeout().compareTo(PATIENCE) < 0) {
            options = Connection.Options.of(PATIENCE, PATIENCE);
        }
        return ctx.driver.connect(server, options, arrival -> { });
    }

    private void signUp(List<String> accounts, Progress progress, AtomicLong done) {
        try (Connection client = connect()) {
            List<String> pending = new ArrayList<>(accounts);
            while (!pending.isEmpty()) {
                List<String> window = pending.subList(0, Math.min(WINDOW, pending.size()));
                List<CompletableFuture<?>> answers = new ArrayList<>();
                for (String user : window) {
                    answers.add(client.signup(user, ctx.accounts.password(user)));
                }
                List<String> retry = new ArrayList<>();
                long waitSeconds = 0;
                for (int i = 0; i < window.size(); i++) {
                    String user = window.get(i);
                    try {
                        ChatClient.await(answers.get(i));
                    } catch (ChatException e) {
                        if (e.code() == ErrorCode.RATE_LIMITED) {
                            retry.add(user);
                            waitSeconds = Math.max(waitSeconds, e.retryAfterSeconds() == null ? 1 : e.retryAfterSeconds());
                            continue;
                        }
                        if (e.code() != ErrorCode.USERNAME_TAKEN) {
                            throw new IllegalStateException("creating account " + user + " failed: " + e.getMessage(), e);
                        }
                        claim(client, user);
                    }
                    progress.step(done.incrementAndGet() + " accounts");
                }
                pending = new ArrayList<>(pending.subList(window.size(), pending.size()));
                pending.addAll(0, retry);
                if (!retry.isEmpty()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(waitSeconds * 1_000_000_000L);
                }
            }
        }
    }

    /** An existing account must be ours: it takes our password. */
    private void claim(Connection client, String user) {
        try {
            ChatClient.await(client.login(user, ctx.accounts.password(user)));
            ChatClient.await(client.logout());
        } catch (ChatException e) {
            throw new IllegalStateException("account " + user + " already exists on the server and is not this run's ("
                    + e.getMessage() + "); run with another --tag", e);
        }
    }

    private void block(String blocker, List<String> targets) {
        try (Connection client = connect()) {
            String process = "setup-" + blocker;
            Event login = ctx.ops.invoke(Event.of(0, process, Type.INVOKE, Op.LOGIN, blocker));
            if (!ctx.ops.complete(login, client.login(blocker, ctx.accounts.password(blocker)), (e, r) -> e).ok()) {
                throw new IllegalStateException("logging in " + blocker + " to set up its blocks failed");
            }
            for (String target : targets) {
                Event block = ctx.ops.invoke(Event.of(0, process, Type.INVOKE, Op.BLOCK, blocker).withTarget(target));
                if (!ctx.ops.complete(block, client.block(target), (e, r) -> e).ok()) {
                    throw new IllegalStateException(blocker + " could not block " + target);
                }
            }
            Event logout = ctx.ops.invoke(Event.of(0, process, Type.INVOKE, Op.LOGOUT, blocker));
            ctx.ops.complete(logout, client.logout(), (e, r) -> e);
        }
    }
}
