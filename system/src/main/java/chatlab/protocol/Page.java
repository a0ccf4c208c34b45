package chatlab.protocol;

import java.util.List;

/**
 * A list response. When {@link #next()} is not null the list continues: repeat the request
 * with {@code after} set to it.
 */
public interface Page<T> {
    List<T> items();

    String next();
}
