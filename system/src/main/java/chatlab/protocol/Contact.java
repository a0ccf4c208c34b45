package chatlab.protocol;

/** A traced contact: the user who held a temporary ID, and that ID's start (BlueTrace time). */
public record Contact(String user, String start, String tempId) {
}
