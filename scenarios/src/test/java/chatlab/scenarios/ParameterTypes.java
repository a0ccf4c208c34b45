package chatlab.scenarios;

import chatlab.protocol.ErrorCode;
import io.cucumber.java.ParameterType;
import java.util.Arrays;
import java.util.List;

/** The domain words of the features: lists of users, and the reasons a request is refused. */
public final class ParameterTypes {

    /** "alice", "alice and bob", "alice, bob and carol"; never "everyone", which has steps of its own. */
    @ParameterType("(?!everyone\\b)[^\\s,\"]+(?:, [^\\s,\"]+)*(?: and [^\\s,\"]+)?")
    public List<String> names(String text) {
        return Arrays.stream(text.split(", | and ")).map(String::strip).toList();
    }

    @ParameterType("the username is taken|the password is wrong|the user is unknown|the user is logged in elsewhere"
            + "|\\S+ is not logged in|the account has just been blocked|the account is blocked|\\S+ blocks (?:her|him|them)"
            + "|the message is not theirs|the timestamp does not match|\\S+ is offline|the room password is required"
            + "|the room password is wrong|(?:her|his|their) address is blocked from the room|(?:she|he|they) (?:is|are) banned"
            + "|nobody may vote against themselves|the group takes members by invitation only"
            + "|(?:she|he|they) (?:is|are) not a member of the group|the group exists|the avatar is not an image")
    public ErrorCode refusal(String reason) {
        if (reason.endsWith("is not logged in")) {
            return ErrorCode.NOT_LOGGED_IN;
        }
        if (reason.endsWith(" is offline")) {
            return ErrorCode.USER_OFFLINE;
        }
        if (reason.contains(" blocks ")) {
            return ErrorCode.RECIPIENT_BLOCKED;
        }
        if (reason.endsWith("address is blocked from the room")) {
            return ErrorCode.ROOM_BLOCKED;
        }
        if (reason.endsWith(" banned")) {
            return ErrorCode.BANNED;
        }
        if (reason.endsWith("not a member of the group")) {
            return ErrorCode.NOT_A_MEMBER;
        }
        return switch (reason) {
            case "the group takes members by invitation only" -> ErrorCode.NOT_INVITED;
            case "the group exists" -> ErrorCode.GROUP_EXISTS;
            case "the avatar is not an image" -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case "the room password is required" -> ErrorCode.ROOM_PASSWORD_REQUIRED;
            case "the room password is wrong" -> ErrorCode.WRONG_ROOM_PASSWORD;
            case "nobody may vote against themselves" -> ErrorCode.INVALID_ARGUMENT;
            case "the username is taken" -> ErrorCode.USERNAME_TAKEN;
            case "the password is wrong" -> ErrorCode.WRONG_PASSWORD;
            case "the user is unknown" -> ErrorCode.UNKNOWN_USER;
            case "the user is logged in elsewhere" -> ErrorCode.DUPLICATE_SESSION;
            case "the account has just been blocked", "the account is blocked" -> ErrorCode.ACCOUNT_BLOCKED;
            case "the message is not theirs" -> ErrorCode.NOT_OWNER;
            case "the timestamp does not match" -> ErrorCode.TIMESTAMP_MISMATCH;
            default -> throw new IllegalArgumentException("no error code for '" + reason + "'");
        };
    }

    /** How the proxy cuts a connection. */
    @ParameterType("resets|times out")
    public Cut cut(String text) {
        return text.equals("resets") ? Cut.RESET : Cut.TIMEOUT;
    }

    /** A connection cut: a TCP reset, or a silence that ends in a close. */
    public enum Cut {
        RESET, TIMEOUT
    }
}
