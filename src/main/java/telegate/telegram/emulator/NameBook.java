package telegate.telegram.emulator;

import java.util.List;

/**
 * The names generated members are made of. First names are plain ASCII and
 * three per initial letter, so that members spread evenly over the letters a
 * search per initial finds; last names mix in a few non-Latin ones.
 */
final class NameBook {

    static final List<String> FIRST_NAMES = List.of(
            "Alice", "Aaron", "Amelia", "Bob", "Bianca", "Bruno", "Carol", "Chen", "Clara",
            "David", "Diana", "Dmitri", "Emma", "Ethan", "Elif", "Fatima", "Felix", "Freya",
            "George", "Grace", "Giulia", "Hannah", "Hiro", "Hugo", "Ivan", "Isla", "Imani",
            "Julia", "Jamal", "Jonas", "Kenji", "Kira", "Karim", "Lucas", "Leila", "Lena",
            "Maria", "Mateo", "Mei", "Noah", "Nadia", "Nikos", "Olivia", "Omar", "Oskar",
            "Priya", "Pablo", "Petra", "Quentin", "Qiu", "Quinn", "Rosa", "Rahul", "Ruth",
            "Sofia", "Samir", "Sven", "Tom", "Tara", "Tariq", "Uma", "Umar", "Ulla",
            "Victor", "Vera", "Vikram", "Wei", "Wendy", "Wilhelm", "Xavier", "Ximena", "Xu",
            "Yusuf", "Yuki", "Yara", "Zoe", "Zainab", "Zoltan");

    static final List<String> LAST_NAMES = List.of(
            "Anderson", "Bauer", "Costa", "Dubois", "Evans", "Fischer", "García", "Hansen",
            "Ito", "Jensen", "Kowalski", "Lopez", "Müller", "Nakamura", "Okafor", "Petrov",
            "Quispe", "Rossi", "Smith", "Tanaka", "Ulrich", "Volkov", "Wang", "Xiong",
            "Yılmaz", "Zhang", "Ødegaard", "Иванов", "Kim", "Nguyen", "Silva", "Novák");

    static final List<String> BOT_WORDS = List.of(
            "Helper", "Quiz", "Weather", "News", "Translate", "Music", "Guard", "Reminder",
            "Poll", "Game", "Stats", "Welcome", "Captcha", "Feed", "Dice", "Meme", "Jobs",
            "Vote", "Ticket", "Yoga", "Zen", "Alarm", "Index", "Karma", "Order", "Uptime");

    static final List<String> SIGNATURES = List.of("Anna Editor", "Night Desk", "Max Reporter", "Редакция");

    private NameBook() {
    }
}
