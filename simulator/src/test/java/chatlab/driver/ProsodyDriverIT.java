package chatlab.driver;

import chatlab.driver.xmpp.Prosody;

/** The XMPP driver against a real Prosody on loopback. */
class ProsodyDriverIT extends XmppDriverContract {
    ProsodyDriverIT() {
        super(Prosody.PROGRAM);
    }
}
