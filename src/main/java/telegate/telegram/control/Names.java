package telegate.telegram.control;

/** Display names of the users and chats a message refers to, as TDLib told them. */
public interface Names {

    /** "First Last" of a known user, or null. */
    String userName(long userId);

    /** Title of a known chat, or null. */
    String chatTitle(long chatId);
}
