package chatlab.driver;

import chatlab.driver.xmpp.Ejabberd;

/** The XMPP driver against a real ejabberd on loopback. */
class EjabberdDriverIT extends XmppDriverContract {
    EjabberdDriverIT() {
        super(Ejabberd.PROGRAM);
    }
}
