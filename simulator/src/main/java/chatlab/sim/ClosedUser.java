package chatlab.sim;

import chatlab.workload.GroupSpec;
import chatlab.workload.Step;
import chatlab.workload.UserPlan;

/**
 * A user of a closed group: starts at its place in the ramp, logs in, and acts, pauses and acts
 * again until the stop signal, following its plan; a lost connection is recovered before the
 * next action. It stays logged in at the end, for the drain.
 */
final class ClosedUser implements Runnable {
    private final SimContext ctx;
    private final GroupSpec group;
    private final int index;
    private final UserPlan plan;
    private final ChatSession session;

    ClosedUser(SimContext ctx, GroupSpec group, int groupIndex, int index) {
        this.ctx = ctx;
        this.group = group;
        this.index = index;
        String user = ctx.accounts.users(group.name()).get(index);
        this.plan = new UserPlan(ctx.scenario.seed(), groupIndex, index, group, ctx.accounts, user);
        this.session = new ChatSession(ctx, group.name() + "-" + index, user, group);
    }

    ChatSession session() {
        return session;
    }

    @Override
    public void run() {
        long rampOffset = group.users() <= 1 ? 0 : group.rampUp().toNanos() * index / group.users();
        if (!ctx.pauseUntil(ctx.loadStartNanos() + rampOffset)) {
            return;
        }
        session.login(null);
        while (!ctx.stopping()) {
            Step step = plan.next();
            if (!ctx.pause(step.thinkNanos()) || !session.ensureOnline()) {
                return;
            }
            session.perform(step.action());
        }
    }
}
