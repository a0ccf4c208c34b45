package chatlab.checker;

import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files sent peer to peer arrive whole: every file a sender was told reached its recipient was
 * saved there exactly once, with the sender's SHA-256 and size; no file is saved that does not
 * match what was sent. A transfer the sender saw fail may still have been saved (its last
 * acknowledgement lost on the way back); that is counted, not judged.
 */
public final class FileChecker implements Checker {
    @Override
    public String name() {
        return "files";
    }

    @Override
    public Verdict check(List<Event> history, CheckContext context) {
        Map<String, Event> sent = new LinkedHashMap<>();
        Map<String, Integer> saved = new HashMap<>();
        Evidence problems = new Evidence();
        long savedAfterFailure = 0;
        boolean ended = false;
        for (Event e : history) {
            if (e.is(Op.END)) {
                ended = true;
            }
            if (e.is(Op.FILE) && e.type().completion()) {
                sent.put(key(e.u(), e.target(), e.file().name()), e);
            }
        }
        for (Event e : history) {
            if (e.is(Op.END)) {
                break;
            }
            if (!e.is(Op.FILE_RECEIVED)) {
                continue;
            }
            String key = key(e.target(), e.u(), e.file().name());
            Event send = sent.get(key);
            int count = saved.merge(key, 1, Integer::sum);
            if (send == null) {
                problems.add("unknown", e.u() + " saved " + e.file().name() + " from " + e.target() + ", which was not sent");
            } else if (!send.file().sha256().equals(e.file().sha256()) || send.file().size() != e.file().size()) {
                problems.add("corrupted", e.u() + " saved " + e.target() + "'s " + e.file().name() + " with "
                        + e.file().size() + " bytes and SHA-256 " + e.file().sha256() + ", not " + send.file().size()
                        + " bytes and " + send.file().sha256());
            } else if (send.type() != Type.OK) {
                savedAfterFailure++;
            }
            if (count == 2) {
                problems.add("saved twice", e.u() + " saved " + e.target() + "'s " + e.file().name() + " twice");
            }
        }
        long delivered = 0;
        for (Map.Entry<String, Event> s : sent.entrySet()) {
            if (s.getValue().type() == Type.OK) {
                delivered++;
                if (!saved.containsKey(s.getKey())) {
                    Event e = s.getValue();
                    problems.add("lost", e.u() + " was told " + e.file().name() + " reached " + e.target()
                            + ", which never saved it");
                }
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("sent", (long) sent.size());
        counts.put("delivered", delivered);
        counts.put("saved", (long) saved.size());
        counts.put("savedAfterReportedFailure", savedAfterFailure);
        counts.putAll(problems.counts());
        if (!problems.isEmpty()) {
            return new Verdict(name(), Validity.INVALID, problems.describe(), counts, problems.kept());
        }
        if (sent.isEmpty()) {
            return new Verdict(name(), Validity.UNKNOWN, "no file was sent", counts, List.of());
        }
        return new Verdict(name(), Validity.VALID, (delivered == 1 ? "the one file reported delivered was saved"
                : "all " + delivered + " files reported delivered were saved") + " once, whole"
                + (ended ? "" : " (the run has no end marker)") + (sent.size() > delivered ? "; " + failedOnTheWay(sent.size() - delivered)
                : ""), counts, List.of());
    }

    private static String failedOnTheWay(long n) {
        return n + (n == 1 ? " transfer" : " transfers") + " failed on the way";
    }

    private static String key(String from, String to, String name) {
        return from + "\u0000" + to + "\u0000" + name;
    }
}
