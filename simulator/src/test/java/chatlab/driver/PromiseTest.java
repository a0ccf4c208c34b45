package chatlab.driver;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.lab.Json;
import chatlab.protocol.Audience;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PromiseTest {
    @Test
    void aPromiseOnlineOnlyForSomeWaysOfSendingSaysWhichAndReadsBackTheSame() throws Exception {
        Promise xmpp = new Promise(Promise.Delivery.AT_MOST_ONCE, true, false, EnumSet.of(Audience.GROUP, Audience.BROADCAST));
        assertThat(xmpp.onlineOnly("broadcast")).isTrue();
        assertThat(xmpp.onlineOnly("unicast")).isFalse();
        assertThat(xmpp.describe()).endsWith(", broadcast and group only to users online");
        String json = Json.mapper().writeValueAsString(xmpp);
        assertThat(Json.mapper().readTree(json).get("onlineOnly").toString()).isEqualTo("[\"BROADCAST\",\"GROUP\"]");
        assertThat(Json.mapper().readValue(json, Promise.class)).isEqualTo(xmpp);
        Promise piecemeal = xmpp.piecemeal();
        assertThat(piecemeal.allOrNothing()).isFalse();
        assertThat(piecemeal.describe()).endsWith(", broadcast and group only to users online, each of several recipients on its own");
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(piecemeal), Promise.class)).isEqualTo(piecemeal);
    }

    @Test
    void runsRecordedWhenOnlineOnlyWasOneYesOrNoReadAsEveryWayOrNone() throws Exception {
        Promise irc = Json.mapper().readValue(
                "{\"delivery\":\"at most once\",\"orderedPerSender\":true,\"durable\":false,\"onlineOnly\":true}", Promise.class);
        assertThat(irc).isEqualTo(new Promise(Promise.Delivery.AT_MOST_ONCE, true, false, true));
        assertThat(irc.describe()).endsWith(", only to users online");
        Promise before = Json.mapper().readValue(
                "{\"delivery\":\"exactly once\",\"orderedPerSender\":true,\"durable\":true}", Promise.class);
        assertThat(before).isEqualTo(Promise.EXACTLY_ONCE_IN_ORDER);
        assertThat(before.anyOnlineOnly()).isFalse();
        assertThat(before.allOrNothing()).as("what runs recorded before it was said").isTrue();
        assertThat(before.orderAcrossRoutes()).as("what runs recorded before it was said").isTrue();
    }

    @Test
    void aPromiseOfOrderOnEachRouteSaysSoReadsBackTheSameAndTellsTheRoutesApart() throws Exception {
        Promise xmpp = new Promise(Promise.Delivery.AT_MOST_ONCE, true, false, EnumSet.of(Audience.GROUP)).perRoute();
        assertThat(xmpp.describe()).startsWith("at most once, in order per sender on each route, not across a crash");
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(xmpp), Promise.class)).isEqualTo(xmpp);
        assertThat(xmpp.route("unicast", null)).isEqualTo(xmpp.route("multicast", null)).isNotEqualTo(xmpp.route("broadcast", null));
        assertThat(xmpp.route("group", "a")).isNotEqualTo(xmpp.route("group", "b")).isNotEqualTo(xmpp.route("unicast", null));
        assertThat(Promise.EXACTLY_ONCE_IN_ORDER.route("group", "a")).as("one route for all")
                .isEqualTo(Promise.EXACTLY_ONCE_IN_ORDER.route("unicast", null));
    }
}
