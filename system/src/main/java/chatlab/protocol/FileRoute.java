package chatlab.protocol;

/** Where one recipient takes a file: its UDP endpoint, and the transfer's id and AES key (Base64). */
public record FileRoute(String user, long transferId, String key, String address, int udpPort) {
    @Override
    public String toString() {
        return "FileRoute[user=" + user + ", transferId=" + transferId + ", key=***, address=" + address + ", udpPort="
                + udpPort + "]";
    }
}
