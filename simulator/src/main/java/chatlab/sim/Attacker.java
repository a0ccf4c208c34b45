package chatlab.sim;

import chatlab.driver.Connection;
import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import chatlab.protocol.ChatException;
import chatlab.workload.Behaviour;
import chatlab.workload.GroupSpec;
import chatlab.workload.Step;
import chatlab.workload.UserPlan;
import java.net.InetSocketAddress;

/**
 * An attacker: one connection, never logged in as itself, trying its victim's password, mostly
 * wrong. The rare right guess logs in and straight out again. Every attempt says which password
 * it used, for the lockout checker.
 */
final class Attacker implements Runnable {
    private final SimContext ctx;
    private final String process;
    private final UserPlan plan;
    private final InetSocketAddress endpoint;
    private Connection client;
    private long wrongGuesses;

    Attacker(SimContext ctx, GroupSpec group, int groupIndex, int index) {
        this.ctx = ctx;
        this.process = group.name() + "-" + index;
        this.plan = new UserPlan(ctx.scenario.seed(), groupIndex, index, group, ctx.accounts, null);
        this.endpoint = ctx.endpoint(group.name());
    }

    @Override
    public void run() {
        if (!ctx.pauseUntil(ctx.loadStartNanos())) {
            return;
        }
        try {
            while (!ctx.stopping()) {
                Step step = plan.next();
                if (!ctx.pause(step.thinkNanos())) {
                    return;
                }
                attempt(step.action().victim(), step.action().behaviour() == Behaviour.RIGHT_PASSWORD);
            }
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private void attempt(String victim, boolean right) {
        Event invocation = ctx.ops.invoke(Event.of(0, process, Type.INVOKE, Op.LOGIN, victim).withRight(right));
        if (client == null || !client.isConnected()) {
            try {
                client = ctx.driver.connect(endpoint, ctx.options(), arrival -> { });
            } catch (ChatException e) {
                client = null;
                ctx.ops.failed(invocation, e);
                return;
            }
        }
        String password = right ? ctx.accounts.password(victim) : "wrong-" + (++wrongGuesses);
        var login = ctx.ops.complete(invocation, client.login(victim, password), (e, r) -> e);
        Type outcome = login.type();
        if (login.ok()) {
            Event logout = ctx.ops.invoke(Event.of(0, process, Type.INVOKE, Op.LOGOUT, victim));
            outcome = ctx.ops.complete(logout, client.logout(), (e, r) -> e).type();
        }
        if (outcome == Type.INFO) {
            client.close(); // in doubt whether the session exists: the next attempt starts on a new connection
            client = null;
        }
    }
}
