package chatlab.driver;


/** The XMPP driver against a real ejabberd on loopback. */
class EjabberdDriverIT extends XmppDriverContract {
    EjabberdDriverIT() {
        super(Ejabberd.XMPP);
    }
}
