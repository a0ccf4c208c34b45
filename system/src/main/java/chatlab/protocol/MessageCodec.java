package chatlab.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Encodes and decodes the JSON text of frames. Each frame is one JSON object whose
 * {@code type} names the record (lower camel case of its simple name); unknown fields are
 * ignored, and values are never coerced between JSON types. Thread-safe.
 */
public final class MessageCodec {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface TypeTag {
    }

    private static final MessageCodec INSTANCE = new MessageCodec();

    private final ObjectMapper mapper;
    private final ObjectReader clientReader;
    private final ObjectReader serverReader;
    private final ObjectReader treeReader;
    private final ObjectWriter clientWriter;
    private final ObjectWriter serverWriter;

    private MessageCodec() {
        // Jackson's default buffer pool is one per thread: with a virtual thread or two per
        // connection, that is a set of buffers per connection. One shared pool serves them all.
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .recyclerPool(com.fasterxml.jackson.core.util.JsonRecyclerPools.sharedConcurrentDequePool())
                .build();
        mapper = JsonMapper.builder(factory)
                .addMixIn(ClientMessage.class, TypeTag.class)
                .addMixIn(ServerMessage.class, TypeTag.class)
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (Class<?> type : leaves(ClientMessage.class)) {
            mapper.registerSubtypes(new NamedType(type, wireName(type)));
        }
        for (Class<?> type : leaves(ServerMessage.class)) {
            mapper.registerSubtypes(new NamedType(type, wireName(type)));
        }
        clientReader = mapper.readerFor(ClientMessage.class);
        serverReader = mapper.readerFor(ServerMessage.class);
        treeReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        clientWriter = mapper.writerFor(ClientMessage.class);
        serverWriter = mapper.writerFor(ServerMessage.class);
    }

    public static MessageCodec instance() {
        return INSTANCE;
    }

    /** The wire name of a message record: its simple name in lower camel case. */
    public static String wireName(Class<?> type) {
        String simple = type.getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    /** Every concrete record of a sealed message family. */
    public static List<Class<?>> leaves(Class<?> family) {
        List<Class<?>> found = new ArrayList<>();
        collect(family, found);
        return found;
    }

    private static void collect(Class<?> type, List<Class<?>> found) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, found);
            }
        } else if (type.isRecord()) {
            found.add(type);
        }
    }

    public String encode(ClientMessage message) {
        return write(clientWriter, message);
    }

    public String encode(ServerMessage message) {
        return write(serverWriter, message);
    }

    /** The size in bytes of a value written as JSON, such as one entry of a list response. */
    public int sizeOf(Object value) {
        try {
            return mapper.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** Decodes a request, or throws {@link ChatException} naming what is wrong and the id when known. */
    public ClientMessage decodeClient(String text) {
        return read(clientReader, text);
    }

    /** Decodes a server frame, or throws {@link ChatException}. */
    public ServerMessage decodeServer(String text) {
        return read(serverReader, text);
    }

    private static String write(ObjectWriter writer, Object message) {
        try {
            return writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(ObjectReader reader, String text) {
        if (!text.stripLeading().startsWith("{")) {
            throw new DecodeException(new ChatException(ErrorCode.MALFORMED_FRAME,
                    "a frame must be one JSON object, such as {\"type\":\"ping\",\"id\":1}"), 0, null);
        }
        try {
            return reader.readValue(text);
        } catch (InvalidTypeIdException e) {
            JsonNode tree = tree(text);
            JsonNode type = tree == null ? null : tree.get("type");
            ChatException error = type != null && type.isTextual() ? classify(e)
                    : new ChatException(ErrorCode.MALFORMED_FRAME, "a frame's 'type' must be a string, such as \"ping\"");
            throw new DecodeException(error, requestId(tree), e);
        } catch (JsonProcessingException e) {
            throw new DecodeException(classify(e), requestId(tree(text)), e);
        }
    }

    private static ChatException classify(JsonProcessingException e) {
        if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
            String path = e instanceof JsonMappingException jme ? path(jme) : "";
            return new ChatException(ErrorCode.INVALID_ARGUMENT, (path.isEmpty() ? "a number" : "field '" + path + "'")
                    + " is out of the range of a 64-bit integer");
        }
        if (e instanceof ValueInstantiationException vie) {
            Throwable cause = vie.getCause();
            if (cause instanceof ChatException ce) {
                return ce;
            }
            String message = cause != null && cause.getMessage() != null ? cause.getMessage() : vie.getOriginalMessage();
            return new ChatException(ErrorCode.INVALID_ARGUMENT, message);
        }
        if (e instanceof InvalidTypeIdException tie) {
            if (tie.getTypeId() == null || tie.getTypeId().isEmpty()) {
                return new ChatException(ErrorCode.MALFORMED_FRAME, "a frame must have a string field 'type'");
            }
            return new ChatException(ErrorCode.UNKNOWN_TYPE, "unknown message type '" + tie.getTypeId() + "'");
        }
        if (e instanceof MismatchedInputException mie) {
            String path = path(mie);
            if (path.isEmpty()) {
                return new ChatException(ErrorCode.MALFORMED_FRAME, "a frame must be one JSON object with a 'type'");
            }
            return new ChatException(ErrorCode.INVALID_ARGUMENT,
                    "field '" + path + "' must be " + describe(mie.getTargetType()));
        }
        return new ChatException(ErrorCode.MALFORMED_FRAME, "not valid JSON: " + firstLine(e.getOriginalMessage()));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** A frame that failed to decode, read once as a tree to say what is wrong; null when it is not even that. */
    private JsonNode tree(String text) {
        try {
            return treeReader.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON value of another type";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The id of a frame that failed to decode, when one can be read; otherwise 0. */
    private static long requestId(JsonNode tree) {
        JsonNode id = tree == null ? null : tree.get("id");
        return id != null && id.canConvertToExactIntegral() && id.canConvertToLong() && id.asLong() > 0 ? id.asLong() : 0;
    }

    /** A frame that could not be decoded: the error to answer with, and the request id if known. */
    public static final class DecodeException extends ChatException {
        private final long requestId;

        DecodeException(ChatException error, long requestId, Throwable cause) {
            super(error.code(), error.getMessage(), null, null, cause);
            this.requestId = requestId;
        }

        public long requestId() {
            return requestId;
        }
    }
}
