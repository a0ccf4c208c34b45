package chatlab.checker;

import chatlab.history.Op;
import static org.assertj.core.api.Assertions.assertThat;

import chatlab.history.Event;
import chatlab.history.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file and tracing checkers, on histories written by hand. */
class PeerCheckersTest {
    private static final CheckContext CONTEXT = new CheckContext(List.of("a", "b", "c"), 3, Duration.ofSeconds(10));
    private final List<Event> history = new ArrayList<>();

    private void add(Event e) {
        history.add(new Event(history.size(), history.size() * 1000L, e.p(), e.type(), e.f(), e.u(), e.due(), e.target(),
                e.right(), e.chat(), e.board(), e.failure(), e.delivery(), e.fault(), e.file(), e.trace(), e.pending()));
    }

    private void file(String from, String to, String name, String sha, Type outcome) {
        add(Event.of(0, from, Type.INVOKE, Op.FILE, from).withTarget(to).withFile(new Event.FileInfo(name, 10, sha, null)));
        add(Event.of(0, from, outcome, Op.FILE, from).withTarget(to).withFile(new Event.FileInfo(name, 10, sha,
                outcome == Type.OK ? List.of() : List.of(to))));
    }

    private void saved(String to, String from, String name, String sha) {
        add(Event.of(0, to, Type.EVENT, Op.FILE_RECEIVED, to).withTarget(from).withFile(new Event.FileInfo(name, 10, sha, null)));
    }

    private Verdict files() {
        add(Event.of(0, "sim", Type.EVENT, Op.END, null));
        return new FileChecker().check(history, CONTEXT);
    }

    @Test
    void aFileReportedDeliveredAndSavedWholeIsValid() {
        file("a", "b", "f1.bin", "aa", Type.OK);
        saved("b", "a", "f1.bin", "aa");
        file("a", "c", "f2.bin", "bb", Type.FAIL); // failed, and not saved: fine
        Verdict v = files();
        assertThat(v.validity()).isEqualTo(Validity.VALID);
        assertThat(v.summary()).isEqualTo("the one file reported delivered was saved once, whole; 1 transfer failed on the way");
    }

    @Test
    void aFileReportedDeliveredButNeverSavedIsLost() {
        file("a", "b", "f1.bin", "aa", Type.OK);
        Verdict v = files();
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
        assertThat(v.counts()).containsEntry("lost", 1L);
    }

    @Test
    void aFileSavedWithAnotherHashIsCorrupted() {
        file("a", "b", "f1.bin", "aa", Type.OK);
        saved("b", "a", "f1.bin", "ab");
        assertThat(files().counts()).containsEntry("corrupted", 1L);
    }

    @Test
    void aFileSavedTwiceIsReported() {
        file("a", "b", "f1.bin", "aa", Type.OK);
        saved("b", "a", "f1.bin", "aa");
        saved("b", "a", "f1.bin", "aa");
        assertThat(files().counts()).containsEntry("saved twice", 1L);
    }

    @Test
    void aFileSavedAfterTheSenderSawItFailIsCountedNotJudged() {
        file("a", "b", "f1.bin", "aa", Type.FAIL);
        saved("b", "a", "f1.bin", "aa");
        Verdict v = files();
        assertThat(v.validity()).isEqualTo(Validity.VALID);
        assertThat(v.counts()).containsEntry("savedAfterReportedFailure", 1L);
    }

    private void issued(String user, String tempId) {
        add(Event.of(0, user, Type.INVOKE, Op.TEMPID, user));
        add(Event.of(0, user, Type.OK, Op.TEMPID, user).withTrace(new Event.Trace(tempId, null, null, null, null)));
    }

    private void uploaded(String user, List<String> entries, List<Event.Traced> contacts, List<String> unmatched) {
        add(Event.of(0, user, Type.INVOKE, Op.UPLOAD, user).withTrace(new Event.Trace(null, null, entries, null, null)));
        add(Event.of(0, user, Type.OK, Op.UPLOAD, user).withTrace(new Event.Trace(null, null, entries, contacts, unmatched)));
    }

    private Verdict tracing() {
        return new TracingChecker().check(history, CONTEXT);
    }

    @Test
    void everyUploadedIdTracedToItsHolderIsValid() {
        issued("b", "111");
        issued("c", "222");
        add(Event.of(0, "a", Type.EVENT, Op.HEARD, "a").withTrace(new Event.Trace("111", true, null, null, null)));
        uploaded("a", List.of("111", "222"), List.of(new Event.Traced("b", "111"), new Event.Traced("c", "222")), List.of());
        Verdict v = tracing();
        assertThat(v.validity()).isEqualTo(Validity.VALID);
        assertThat(v.counts()).containsEntry("contactsChecked", 2L);
    }

    @Test
    void aContactTracedToTheWrongUserIsMisattributed() {
        issued("b", "111");
        uploaded("a", List.of("111"), List.of(new Event.Traced("c", "111")), List.of());
        assertThat(tracing().counts()).containsEntry("misattributed", 1L).containsEntry("missed", 1L);
    }

    @Test
    void anIssuedIdCalledUnmatchedIsMissed() {
        issued("b", "111");
        uploaded("a", List.of("111"), List.of(), List.of("111"));
        Verdict v = tracing();
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
        assertThat(v.evidence()).singleElement().asString().contains("called it unmatched");
    }

    @Test
    void anIdIssuedTwiceIsReported() {
        issued("b", "111");
        issued("c", "111");
        assertThat(tracing().counts()).containsEntry("issued twice", 1L);
    }

    @Test
    void aValidBeaconWithAnIdNeverIssuedIsForged() {
        issued("b", "111");
        add(Event.of(0, "a", Type.EVENT, Op.HEARD, "a").withTrace(new Event.Trace("999", true, null, null, null)));
        uploaded("a", List.of(), List.of(), List.of());
        assertThat(tracing().counts()).containsEntry("forged", 1L);
    }
}
