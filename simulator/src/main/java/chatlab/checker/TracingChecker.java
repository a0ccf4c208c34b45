package chatlab.checker;

import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contact tracing names the right people: every temporary ID is issued to one user only; a
 * beacon heard as valid carries an ID that was issued; and when a log is uploaded, every ID in
 * it that was issued to someone else is traced to exactly that user, and none to anyone else.
 * An ID whose issue was in doubt cannot be judged.
 */
public final class TracingChecker implements Checker {
    @Override
    public String name() {
        return "tracing";
    }

    @Override
    public Verdict check(List<Event> history, CheckContext context) {
        Map<String, String> owner = new HashMap<>();
        Set<String> inDoubt = new HashSet<>();
        Evidence problems = new Evidence();
        for (Event e : history) {
            if (e.is(Op.TEMPID) && e.type() == Type.OK) {
                String previous = owner.put(e.trace().tempId(), e.u());
                if (previous != null) {
                    problems.add("issued twice", "tempID " + e.trace().tempId() + " went to " + previous + " and " + e.u());
                }
            } else if (e.is(Op.TEMPID) && e.type() == Type.INFO) {
                inDoubt.add(e.u());
            }
        }
        long heard = 0;
        long uploads = 0;
        long traced = 0;
        for (Event e : history) {
            if (e.is(Op.HEARD) && e.trace() != null && Boolean.TRUE.equals(e.trace().valid())) {
                heard++;
                if (!owner.containsKey(e.trace().tempId()) && inDoubt.isEmpty()) {
                    problems.add("forged", e.u() + " heard a valid beacon " + e.trace().tempId() + " that was never issued");
                }
            }
            if (!e.is(Op.UPLOAD) || e.type() != Type.OK) {
                continue;
            }
            uploads++;
            Map<String, String> named = new HashMap<>();
            for (Event.Traced c : e.trace().contacts()) {
                named.put(c.tempId(), c.user());
                String truth = owner.get(c.tempId());
                if (truth != null && !truth.equals(c.user())) {
                    problems.add("misattributed", e.u() + "'s upload traced " + c.tempId() + " to " + c.user()
                            + ", but it was issued to " + truth);
                }
            }
            for (String tempId : e.trace().uploaded()) {
                String truth = owner.get(tempId);
                if (truth == null || truth.equals(e.u())) {
                    continue;
                }
                traced++;
                if (!truth.equals(named.get(tempId))) {
                    problems.add("missed", e.u() + " uploaded " + tempId + ", issued to " + truth + ", but the server "
                            + (e.trace().unmatched().contains(tempId) ? "called it unmatched" : "did not name " + truth));
                }
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tempIds", (long) owner.size());
        counts.put("validBeaconsHeard", heard);
        counts.put("uploads", uploads);
        counts.put("contactsChecked", traced);
        counts.putAll(problems.counts());
        if (!problems.isEmpty()) {
            return new Verdict(name(), Validity.INVALID, problems.describe(), counts, problems.kept());
        }
        if (uploads == 0) {
            return new Verdict(name(), Validity.UNKNOWN, "no contact log was uploaded", counts, List.of());
        }
        return new Verdict(name(), Validity.VALID, owner.size() + " tempIDs issued once each; " + uploads
                + " uploads traced all " + traced + " contacts to the users who held them", counts, List.of());
    }
}
