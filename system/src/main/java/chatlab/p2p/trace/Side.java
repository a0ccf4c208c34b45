package chatlab.p2p.trace;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The two ends of a transfer. */
public enum Side {
    @JsonProperty("sender")
    SENDER,
    @JsonProperty("receiver")
    RECEIVER
}
