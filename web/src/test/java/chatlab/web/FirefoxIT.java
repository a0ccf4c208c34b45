package chatlab.web;

import chatlab.testing.Browsers;

/** The web client end to end in headless Firefox. */
class FirefoxIT extends BrowserTestBase {
    @Override
    Browsers browser() {
        return Browsers.FIREFOX;
    }
}
