// 3) Value, Array: 함수가 읽으려고 빌리기만 한 배열에 `a[i] = -a[i]`.
// 3) Value, Array: `a[i] = -a[i]` on an array the function only borrows to read.
fn f(a: &[i32]) {
    for i in 0..a.len() {
        a[i] = -a[i];
    }
}

fn main() {
    let mut arr: Vec<i32> = (0..10).collect();
    f(&arr);
    arr.push(10);
    println!("{arr:?}");
}
