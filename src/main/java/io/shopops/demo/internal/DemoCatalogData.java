package io.shopops.demo.internal;

import java.util.List;

/**
 * The demo shop's assortment: a category tree of a general online store with, for every leaf, what it
 * sells, at what prices and in which specs, and the brands of each department. Names are Chinese with
 * English translations; brands are invented.
 */
final class DemoCatalogData {

    private DemoCatalogData() {
    }

    /** A spec dimension: its name and the values a SKU can take. */
    record Spec(String name, List<String> values) {
    }

    record Noun(String zh, String en) {
    }

    record Leaf(String code, String zh, String en, int minPrice, int maxPrice, List<Spec> specs, List<Noun> nouns,
            List<Noun> adjectives) {
    }

    record Node(String code, String zh, String en, List<Node> children, Leaf leaf) {

        static Node branch(String code, String zh, String en, Node... children) {
            return new Node(code, zh, en, List.of(children), null);
        }

        static Node leaf(Leaf leaf) {
            return new Node(leaf.code(), leaf.zh(), leaf.en(), List.of(), leaf);
        }
    }

    record Brand(String code, String zh, String en) {
    }

    record Department(Node root, List<Brand> brands) {
    }

    private static final Spec COLOUR = new Spec("颜色", List.of("黑色", "白色", "藏青", "灰色", "卡其", "酒红"));
    private static final Spec SIZE = new Spec("尺码", List.of("S", "M", "L", "XL", "XXL"));
    private static final Spec KIDS_SIZE = new Spec("尺码", List.of("100cm", "110cm", "120cm", "130cm", "140cm"));
    private static final Spec SHOE_SIZE = new Spec("尺码", List.of("37", "38", "39", "40", "41", "42", "43"));
    private static final Spec PHONE_COLOUR = new Spec("颜色", List.of("曜石黑", "冰川白", "远峰蓝", "暮光紫"));
    private static final Spec STORAGE = new Spec("存储", List.of("128GB", "256GB", "512GB"));
    private static final Spec EDITION = new Spec("版本", List.of("标准版", "升级版", "旗舰版"));
    private static final Spec VOLUME = new Spec("容量", List.of("30ml", "50ml", "100ml", "200ml"));
    private static final Spec WEIGHT = new Spec("规格", List.of("250g", "500g", "1kg", "礼盒装"));
    private static final Spec PACK = new Spec("规格", List.of("单件装", "2件装", "4件装", "家庭装"));
    private static final Spec BED_SIZE = new Spec("尺寸", List.of("1.2m床", "1.5m床", "1.8m床", "2.0m床"));
    private static final Spec BINDING = new Spec("版本", List.of("平装", "精装", "典藏版"));
    private static final Spec DIAPER_SIZE = new Spec("尺码", List.of("S", "M", "L", "XL"));

    private static List<Noun> n(String... pairs) {
        List<Noun> nouns = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            nouns.add(new Noun(pairs[i], pairs[i + 1]));
        }
        return List.copyOf(nouns);
    }

    private static final List<Noun> CLOTHES_ADJ = n("纯棉", "Cotton", "宽松", "Relaxed", "修身", "Slim-fit",
            "简约", "Minimal", "复古", "Vintage", "法式", "French-style");
    private static final List<Noun> TECH_ADJ = n("旗舰", "Flagship", "轻薄", "Slim", "无线", "Wireless",
            "快充", "Fast-charging", "智能", "Smart");
    private static final List<Noun> HOME_ADJ = n("北欧", "Nordic", "日式", "Japanese-style", "加厚", "Thick",
            "可折叠", "Foldable", "简约", "Minimal");
    private static final List<Noun> FOOD_ADJ = n("有机", "Organic", "原味", "Original", "特级", "Premium",
            "新疆", "Xinjiang", "云南", "Yunnan", "手工", "Handmade");
    private static final List<Noun> BEAUTY_ADJ = n("保湿", "Hydrating", "清爽", "Light", "修护", "Repairing",
            "焕亮", "Brightening", "温和", "Gentle");
    private static final List<Noun> SPORT_ADJ = n("专业", "Pro", "轻量", "Lightweight", "防水", "Waterproof",
            "透气", "Breathable", "耐磨", "Durable");

    private static Leaf leaf(String code, String zh, String en, int min, int max, List<Spec> specs, List<Noun> nouns,
            List<Noun> adjectives) {
        return new Leaf(code, zh, en, min, max, specs, nouns, adjectives);
    }

    private static Brand b(String code, String zh, String en) {
        return new Brand(code, zh, en);
    }

    static final List<Department> DEPARTMENTS = List.of(
            new Department(Node.branch("apparel", "服饰", "Apparel",
                    Node.branch("womens", "女装", "Women's Clothing",
                            Node.leaf(leaf("dresses", "连衣裙", "Dresses", 129, 899, List.of(COLOUR, SIZE),
                                    n("连衣裙", "Dress", "衬衫裙", "Shirt Dress", "吊带裙", "Slip Dress"), CLOTHES_ADJ)),
                            Node.leaf(leaf("blouses", "衬衫", "Shirts & Blouses", 89, 499, List.of(COLOUR, SIZE),
                                    n("衬衫", "Shirt", "雪纺衫", "Chiffon Blouse"), CLOTHES_ADJ)),
                            Node.leaf(leaf("knitwear", "针织衫", "Knitwear", 149, 699, List.of(COLOUR, SIZE),
                                    n("开衫", "Cardigan", "毛衣", "Sweater", "针织背心", "Knit Vest"), CLOTHES_ADJ))),
                    Node.branch("mens", "男装", "Men's Clothing",
                            Node.leaf(leaf("tshirts", "T恤", "T-shirts", 49, 199, List.of(COLOUR, SIZE),
                                    n("圆领T恤", "Crew-neck T-shirt", "Polo衫", "Polo Shirt"), CLOTHES_ADJ)),
                            Node.leaf(leaf("jackets", "夹克", "Jackets", 299, 1299, List.of(COLOUR, SIZE),
                                    n("夹克", "Jacket", "风衣", "Trench Coat", "羽绒服", "Down Jacket"), CLOTHES_ADJ)),
                            Node.leaf(leaf("trousers", "裤装", "Trousers", 129, 599, List.of(COLOUR, SIZE),
                                    n("休闲裤", "Chinos", "牛仔裤", "Jeans", "运动裤", "Joggers"), CLOTHES_ADJ))),
                    Node.leaf(leaf("underwear", "内衣袜品", "Underwear & Socks", 19, 159, List.of(COLOUR, PACK),
                            n("棉袜", "Cotton Socks", "内裤", "Briefs", "睡衣", "Pajamas"), CLOTHES_ADJ)),
                    Node.leaf(leaf("kids-clothing", "童装", "Kids' Clothing", 59, 399, List.of(COLOUR, KIDS_SIZE),
                            n("卫衣", "Hoodie", "套装", "Outfit Set", "连体衣", "Romper"), CLOTHES_ADJ))),
                    List.of(b("suben", "素本", "Suben"), b("beiyu", "北屿", "Beiyu"), b("shiguang", "拾光", "Shiguang"),
                            b("mianyu", "棉语", "Mianyu"))),
            new Department(Node.branch("shoes-bags", "鞋包", "Shoes & Bags",
                    Node.leaf(leaf("sneakers", "运动鞋", "Sneakers", 199, 1099, List.of(COLOUR, SHOE_SIZE),
                            n("跑步鞋", "Running Shoes", "板鞋", "Skate Shoes", "老爹鞋", "Chunky Sneakers"), SPORT_ADJ)),
                    Node.leaf(leaf("leather-shoes", "皮鞋", "Leather Shoes", 299, 1499, List.of(COLOUR, SHOE_SIZE),
                            n("德比鞋", "Derby Shoes", "乐福鞋", "Loafers", "切尔西靴", "Chelsea Boots"), CLOTHES_ADJ)),
                    Node.leaf(leaf("backpacks", "双肩包", "Backpacks", 99, 699, List.of(COLOUR),
                            n("双肩包", "Backpack", "电脑包", "Laptop Backpack"), SPORT_ADJ)),
                    Node.leaf(leaf("handbags", "手提包", "Handbags", 199, 2599, List.of(COLOUR),
                            n("托特包", "Tote Bag", "斜挎包", "Crossbody Bag", "腋下包", "Shoulder Bag"), CLOTHES_ADJ))),
                    List.of(b("buyun", "步云", "Buyun"), b("xingzhe", "行者", "Xingzhe"), b("qingzhou", "青舟", "Qingzhou"))),
            new Department(Node.branch("electronics", "数码", "Electronics",
                    Node.leaf(leaf("phones", "手机", "Phones", 999, 6999, List.of(PHONE_COLOUR, STORAGE),
                            n("5G手机", "5G Smartphone", "折叠屏手机", "Foldable Phone"), TECH_ADJ)),
                    Node.leaf(leaf("headphones", "耳机", "Headphones", 99, 1999, List.of(PHONE_COLOUR),
                            n("降噪耳机", "Noise-cancelling Headphones", "真无线耳机", "True Wireless Earbuds"), TECH_ADJ)),
                    Node.leaf(leaf("chargers", "充电配件", "Chargers & Cables", 29, 299, List.of(COLOUR),
                            n("充电器", "Charger", "数据线", "Cable", "移动电源", "Power Bank"), TECH_ADJ)),
                    Node.leaf(leaf("smartwatches", "智能手表", "Smartwatches", 299, 3299, List.of(PHONE_COLOUR, EDITION),
                            n("智能手表", "Smartwatch", "运动手环", "Fitness Band"), TECH_ADJ)),
                    Node.leaf(leaf("tablets", "平板电脑", "Tablets", 1299, 5999, List.of(PHONE_COLOUR, STORAGE),
                            n("平板电脑", "Tablet", "学习平板", "Learning Tablet"), TECH_ADJ))),
                    List.of(b("xingchen", "星辰科技", "Xingchen Tech"), b("jiguang", "极光", "Aurora"),
                            b("qiming", "启明", "Qiming"), b("leyin", "乐音", "Leyin"))),
            new Department(Node.branch("appliances", "家电", "Home Appliances",
                    Node.leaf(leaf("kitchen", "厨房电器", "Kitchen Appliances", 199, 2999, List.of(COLOUR, EDITION),
                            n("空气炸锅", "Air Fryer", "电饭煲", "Rice Cooker", "破壁机", "Blender"), TECH_ADJ)),
                    Node.leaf(leaf("household", "生活电器", "Household Appliances", 199, 3999, List.of(EDITION),
                            n("扫地机器人", "Robot Vacuum", "加湿器", "Humidifier", "空气净化器", "Air Purifier"), TECH_ADJ)),
                    Node.leaf(leaf("personal-care", "个护电器", "Personal Care Appliances", 99, 1999, List.of(COLOUR, EDITION),
                            n("电动牙刷", "Electric Toothbrush", "吹风机", "Hair Dryer", "剃须刀", "Shaver"), TECH_ADJ))),
                    List.of(b("jiayue", "家悦", "Jiayue"), b("mulan", "木兰电器", "Mulan"), b("anjia", "安家", "Anjia"))),
            new Department(Node.branch("beauty", "美妆个护", "Beauty",
                    Node.leaf(leaf("skincare", "面部护肤", "Skincare", 79, 899, List.of(VOLUME),
                            n("精华液", "Serum", "面霜", "Face Cream", "爽肤水", "Toner"), BEAUTY_ADJ)),
                    Node.leaf(leaf("makeup", "彩妆", "Makeup", 59, 499, List.of(new Spec("色号", List.of("01", "02", "03", "04", "05"))),
                            n("口红", "Lipstick", "粉底液", "Foundation", "眼影盘", "Eyeshadow Palette"), BEAUTY_ADJ)),
                    Node.leaf(leaf("haircare", "洗发护发", "Hair Care", 39, 299, List.of(VOLUME),
                            n("洗发水", "Shampoo", "护发素", "Conditioner", "发膜", "Hair Mask"), BEAUTY_ADJ)),
                    Node.leaf(leaf("fragrance", "香水", "Fragrance", 199, 1599, List.of(VOLUME),
                            n("淡香水", "Eau de Toilette", "香氛", "Eau de Parfum"), BEAUTY_ADJ))),
                    List.of(b("yanxi", "妍熙", "Yanxi"), b("suyan", "素颜", "Suyan"), b("huayu", "花屿", "Huayu"))),
            new Department(Node.branch("food", "食品生鲜", "Food & Grocery",
                    Node.leaf(leaf("snacks", "零食", "Snacks", 9, 129, List.of(WEIGHT),
                            n("坚果", "Mixed Nuts", "牛肉干", "Beef Jerky", "饼干", "Biscuits"), FOOD_ADJ)),
                    Node.leaf(leaf("tea", "茶叶", "Tea", 49, 999, List.of(WEIGHT),
                            n("龙井", "Longjing Tea", "普洱", "Pu'er Tea", "红茶", "Black Tea"), FOOD_ADJ)),
                    Node.leaf(leaf("coffee", "咖啡", "Coffee", 39, 399, List.of(WEIGHT),
                            n("咖啡豆", "Coffee Beans", "挂耳咖啡", "Drip Coffee", "冻干咖啡", "Freeze-dried Coffee"), FOOD_ADJ)),
                    Node.leaf(leaf("pantry", "粮油调味", "Pantry", 9, 199, List.of(WEIGHT),
                            n("大米", "Rice", "橄榄油", "Olive Oil", "酱油", "Soy Sauce"), FOOD_ADJ)),
                    Node.leaf(leaf("fruit", "生鲜水果", "Fresh Fruit", 19, 299, List.of(WEIGHT),
                            n("苹果", "Apples", "车厘子", "Cherries", "橙子", "Oranges"), FOOD_ADJ))),
                    List.of(b("tianyuan", "田园记", "Tianyuan"), b("shanye", "山野", "Shanye"), b("chawu", "茶屋", "Chawu"),
                            b("guoxian", "果鲜生", "Guoxian"))),
            new Department(Node.branch("home", "家居家纺", "Home & Living",
                    Node.leaf(leaf("bedding", "床上用品", "Bedding", 99, 1299, List.of(COLOUR, BED_SIZE),
                            n("四件套", "Bedding Set", "蚕丝被", "Silk Quilt", "乳胶枕", "Latex Pillow"), HOME_ADJ)),
                    Node.leaf(leaf("storage", "收纳整理", "Storage", 19, 299, List.of(COLOUR, PACK),
                            n("收纳箱", "Storage Box", "衣架", "Hangers", "置物架", "Shelf"), HOME_ADJ)),
                    Node.leaf(leaf("tableware", "餐具", "Tableware", 29, 599, List.of(COLOUR, PACK),
                            n("陶瓷碗", "Ceramic Bowl", "马克杯", "Mug", "餐盘", "Plate Set"), HOME_ADJ)),
                    Node.leaf(leaf("lighting", "灯具", "Lighting", 59, 1299, List.of(COLOUR, EDITION),
                            n("台灯", "Desk Lamp", "落地灯", "Floor Lamp", "吸顶灯", "Ceiling Light"), HOME_ADJ))),
                    List.of(b("musen", "木森", "Musen"), b("wenju", "温居", "Wenju"), b("suzhi", "素织", "Suzhi"))),
            new Department(Node.branch("baby", "母婴", "Mother & Baby",
                    Node.leaf(leaf("diapers", "纸尿裤", "Diapers", 79, 299, List.of(DIAPER_SIZE),
                            n("纸尿裤", "Diapers", "拉拉裤", "Pull-ups"), n("超薄", "Ultra-thin", "透气", "Breathable"))),
                    Node.leaf(leaf("formula", "奶粉", "Formula", 199, 499, List.of(new Spec("段数", List.of("1段", "2段", "3段"))),
                            n("婴儿奶粉", "Infant Formula", "有机奶粉", "Organic Formula"), n("进口", "Imported", "有机", "Organic"))),
                    Node.leaf(leaf("toys", "玩具", "Toys", 39, 599, List.of(new Spec("款式", List.of("经典款", "豪华款", "限定款"))),
                            n("积木", "Building Blocks", "毛绒玩具", "Plush Toy", "拼图", "Puzzle"), n("益智", "Educational", "趣味", "Fun")))),
                    List.of(b("baobei", "宝贝计划", "Baobei"), b("tongqu", "童趣", "Tongqu"))),
            new Department(Node.branch("sports", "运动户外", "Sports & Outdoors",
                    Node.leaf(leaf("fitness", "瑜伽健身", "Yoga & Fitness", 39, 999, List.of(COLOUR),
                            n("瑜伽垫", "Yoga Mat", "哑铃", "Dumbbells", "弹力带", "Resistance Bands"), SPORT_ADJ)),
                    Node.leaf(leaf("outdoor", "户外装备", "Outdoor Gear", 99, 1999, List.of(COLOUR, EDITION),
                            n("帐篷", "Tent", "登山杖", "Trekking Poles", "睡袋", "Sleeping Bag"), SPORT_ADJ)),
                    Node.leaf(leaf("cycling", "骑行", "Cycling", 59, 2999, List.of(COLOUR, SIZE),
                            n("骑行服", "Cycling Jersey", "头盔", "Helmet", "骑行手套", "Cycling Gloves"), SPORT_ADJ))),
                    List.of(b("yuedong", "跃动", "Yuedong"), b("shanfeng", "山峰", "Shanfeng"))),
            new Department(Node.branch("books-stationery", "图书文具", "Books & Stationery",
                    Node.leaf(leaf("books", "图书", "Books", 19, 199, List.of(BINDING),
                            n("小说", "Novel", "历史读物", "History Book", "绘本", "Picture Book"), n("经典", "Classic", "新版", "New Edition"))),
                    Node.leaf(leaf("stationery", "文具", "Stationery", 9, 299, List.of(COLOUR, PACK),
                            n("钢笔", "Fountain Pen", "笔记本", "Notebook", "手账", "Planner"), HOME_ADJ))),
                    List.of(b("shuxiang", "书香", "Shuxiang"), b("mobi", "墨笔", "Mobi"))));
}
