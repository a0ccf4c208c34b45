package chatlab.server;

/** The version of this build, from the jar manifest when there is one. */
public final class Version {
    private Version() {
    }

    public static String get() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
