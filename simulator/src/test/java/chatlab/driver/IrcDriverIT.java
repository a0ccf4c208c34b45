package chatlab.driver;

import chatlab.driver.irc.IrcDriver;
import chatlab.driver.irc.Ngircd;

/** The IRC driver against a real ngIRCd on loopback, started with the project's configuration. */
class IrcDriverIT extends PeerDriverContract {
    IrcDriverIT() {
        super(Ngircd.PROGRAM, new IrcDriver());
    }
}
