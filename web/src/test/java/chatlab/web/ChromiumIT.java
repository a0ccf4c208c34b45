package chatlab.web;

import chatlab.testing.Browsers;

/** The web client end to end in headless Chromium. */
class ChromiumIT extends BrowserTestBase {
    @Override
    Browsers browser() {
        return Browsers.CHROMIUM;
    }
}
